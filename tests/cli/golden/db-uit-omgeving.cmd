AMBT_DB=DB ambt besluit lijst --status voorgesteld
