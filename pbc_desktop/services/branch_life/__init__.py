"""三会一课 per branch: the district's schedule (``schedule``), each branch's year computed
from the activities it hosted or joined (``compliance``) and its reminders (``reminders``)."""
