ambt verdeling bereken
