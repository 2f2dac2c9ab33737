ambt restore FIX/brief.txt --db DB --overschrijf
