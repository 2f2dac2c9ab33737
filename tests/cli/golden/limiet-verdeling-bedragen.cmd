ambt verdeling maatwerk aa-ruimte GM0358 120 1.000.000.000.001 --jaar 2024 --db DB; ambt verdeling voorschot GM0358 1.000.000.000.000,01 --samenwerking AA --jaar 2024 --db DB
