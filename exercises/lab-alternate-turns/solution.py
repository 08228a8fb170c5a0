def plan_turns(partners, last_listener, days):
    first, second = partners
    if last_listener == first:
        listener = second
    else:
        listener = first
    plan = []
    for _ in range(days):
        plan.append(listener)
        if listener == first:
            listener = second
        else:
            listener = first
    return plan


print(plan_turns(("Mei", "Jordan"), "Mei", 7))
