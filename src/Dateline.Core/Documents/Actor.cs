using System.Collections.Immutable;

namespace Dateline.Core.Documents;

/// <summary>
/// Someone or something that acts in a document: a person, organisation or state, resolved across its mentions
/// ("Japanese Prime Minister Shigeru Ishiba" … "Ishiba" … "the prime minister"), with a CAMEO-style code composed from
/// country and role ("JPNGOV"), the country (ISO 3166-1 alpha-3) and the role as written ("Prime Minister").
/// </summary>
public sealed record Actor(string Id, string Name, string Type, string? Code, string? Country, string? Role, ImmutableArray<string> Aliases);
