"""党费: rate schedules (``rates``), members' bases (``basis``), the monthly collection
sheet of a branch (``collection``), arrears and their reminders (``arrears``), the yearly
summary (``summary``); ``common`` computes each member's 应缴 month by month."""
