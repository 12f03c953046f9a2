from goalform.cli import entry

if __name__ == "__main__":  # not when a worker process (goalform summarize) imports it
    entry()
