ambt uren importeer FIX/hb-uren-2025-cp1252.csv --db DB && ambt uren totalen --samenwerking HB --jaar 2025 --db DB
