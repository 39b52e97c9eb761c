"""The conversation as data: `dialogs/*.yaml` loaded, validated and frozen (`loader`, `validate`, `model`)."""
