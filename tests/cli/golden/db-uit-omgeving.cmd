AMBT_DB=DB ambt besluit list --status voorgesteld
