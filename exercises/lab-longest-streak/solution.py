def longest_streak(log):
    best_name, best_length = None, 0
    current_name, current_length = None, 0
    for listener, _ in log:
        if listener == current_name:
            current_length += 1
        else:
            current_name, current_length = listener, 1
        if current_length > best_length:
            best_name, best_length = current_name, current_length
    return best_name, best_length


log = [("Ana", "Ben"), ("Ben", "Ana"), ("Ben", "Ana"), ("Ben", "Ana"), ("Ana", "Ben")]
print(longest_streak(log))
