def i_statement(feeling, event, need):
    feeling, event, need = (part.strip().rstrip(".").strip() for part in (feeling, event, need))
    return f"I feel {feeling} when {event}, because I need {need}."


print(i_statement("lonely", "we eat in silence", "closeness"))
