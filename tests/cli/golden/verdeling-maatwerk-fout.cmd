ambt verdeling maatwerk aa-loketten GM0397 10 80 --jaar 2024 --db DB
