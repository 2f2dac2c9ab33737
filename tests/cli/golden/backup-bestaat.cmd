ambt backup FIX/brief.txt --db DB
