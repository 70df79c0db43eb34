"""三会一课 and 换届: the town view of branches' meetings, a branch's year, committee terms."""
