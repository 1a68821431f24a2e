"""luohu: extract quantified indicators from Chinese government work reports."""
