"""How apps declare what search indexes of them."""
