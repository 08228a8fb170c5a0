def find_blame_words(sentence, blame_words):
    found = []
    for word in sentence.split():
        word = word.lower().strip(".,!?;:\"'")
        if word in blame_words:
            found.append(word)
    return found


BLAME = ["always", "never", "fault", "lazy", "selfish"]
print(find_blame_words("You NEVER listen. It's your fault!", BLAME))
