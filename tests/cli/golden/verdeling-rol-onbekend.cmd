ambt verdeling rol aa-bestaat-niet --jaar 2024 --db DB
