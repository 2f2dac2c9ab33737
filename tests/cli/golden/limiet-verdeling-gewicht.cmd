ambt verdeling levering aa-ict aa-loketten 100000000000001 --jaar 2024 --db DB; ambt verdeling gewicht aa-ict GM0358 --jaar 2024 --db DB -- -1
