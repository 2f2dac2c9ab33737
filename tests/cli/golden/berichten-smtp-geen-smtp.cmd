ambt berichten verstuur --een-keer --smtp http://mail.example.nl --db DB
