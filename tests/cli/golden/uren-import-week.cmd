ambt uren importeer FIX/hb-uren-week.csv --db DB && ambt uren totalen --samenwerking HB --jaar 2025 --per maand --db DB
