unset AMBT_SMTP; ambt berichten verstuur --een-keer --db DB
