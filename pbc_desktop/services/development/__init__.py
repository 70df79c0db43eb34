"""发展党员: people before membership, their steps, who is due, and the printed forms.

``records``: an applicant is entered, steps recorded, admitted (the :class:`PartyMember`
made from the record), extended, cancelled, confirmed; ``listing``: who is due for what
and who is late, per branch and town, and the reminders; ``forms``: what the 公示 and the
备案表 print.
"""
