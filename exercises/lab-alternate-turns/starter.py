def plan_turns(partners, last_listener, days):
    first, second = partners
    plan = []
    # Decide who listens first, then add one listener per day, taking turns.
    return plan


print(plan_turns(("Mei", "Jordan"), "Mei", 7))
