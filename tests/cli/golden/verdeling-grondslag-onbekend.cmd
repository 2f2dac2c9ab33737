ambt verdeling rol aa-loketten --grondslag inhabitant --jaar 2025 --db DB
