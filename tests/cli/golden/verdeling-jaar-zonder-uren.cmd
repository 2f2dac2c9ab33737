ambt kostenpost importeer FIX/kostenposten-aa-2025.csv --samenwerking AA --jaar 2025 --db DB && ambt verdeling bereken --samenwerking AA --jaar 2025 --db DB
