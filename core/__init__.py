"""The ground floor: settings and storage primitives that every other package may import (and nothing else)."""
