namespace Dateline.Storage.Search;

/// <summary>A search ran past its time budget and was stopped; the message says how to narrow it.</summary>
public sealed class SearchBudgetException(TimeSpan budget, string query)
    : Exception($"the search for '{(query.Length > 80 ? query[..80] + "…" : query)}' took longer than {budget.TotalSeconds:0.#} s and was stopped; narrow it with more specific words or a date range");
