ambt scenario maak terug --samenwerking AA --jaar 2024 eigen:hb-communicatie:GM0358:2024-07-01 --db DB
