namespace Dateline.Storage.Tests;

/// <summary>Hand-written versions of one wire story (and an unrelated one) for the story tests.</summary>
internal static class Stories
{
    public const string Wire =
        "The harbour authority of Port Vessel said on Tuesday that it would close the northern breakwater for repairs lasting "
        + "six weeks, after winter storms cracked the concrete in several places.\n\n"
        + "Ferries to the outer islands will use the southern quay during the works, the authority said in a statement, "
        + "and timetables will change from the first day of next month.\n\n"
        + "Fishing boats may still moor inside the harbour but must report to the harbour master before entering, "
        + "according to the notice, which also warned of heavy machinery on the access road.\n\n"
        + "Local traders said they feared a drop in visitors during the busiest weeks of the season.";

    /// <summary>The same wire story as a reprint runs it: another headline, a new lead sentence, the last paragraph cut.</summary>
    public static string Reprint =>
        "Storm damage will shut the northern breakwater at Port Vessel. The harbour authority of Port Vessel said on Tuesday that it would close "
        + "the northern breakwater for repairs lasting six weeks, after winter storms cracked the concrete in several places.\n\n"
        + "Ferries to the outer islands will use the southern quay during the works, the authority said in a statement, "
        + "and timetables will change from the first day of next month.\n\n"
        + "Fishing boats may still moor inside the harbour but must report to the harbour master before entering, "
        + "according to the notice.";

    public const string Unrelated =
        "The national orchestra announced a new season of twelve concerts on Friday, including three premieres by young composers "
        + "and a festival of chamber music in the old market hall.\n\n"
        + "Tickets go on sale next week, and students will pay half price for every concert, the orchestra's director told reporters.";

    /// <summary>The breakwater closure as another outlet reports it in its own words (an independent report, not a copy).</summary>
    public const string OwnReport =
        "Port Vessel's northern breakwater is to shut for six weeks. Engineers found cracks in the concrete after the winter storms, "
        + "and the harbour authority has ordered repairs before the summer ferry season.\n\n"
        + "Island ferries are moving to the southern quay, and fishermen must now call the harbour master before they come in. "
        + "Shopkeepers on the waterfront worry that the closure will keep tourists away.";

    /// <summary>Another harbour story from the same days: same place, another event.</summary>
    public const string SamePlaceOtherEvent =
        "Port Vessel's harbour authority elected a new chair on Thursday, choosing a former ferry captain who has worked in the port "
        + "for thirty years.\n\n"
        + "The new chair promised to modernise the fish market, publish the authority's accounts every quarter and meet traders "
        + "each month to hear their complaints about parking and rents.";

    /// <summary>Two results briefs on one template: the same words, different companies (no name in common).</summary>
    public const string ResultsA =
        "Harlow Marine Supply reported fourth quarter net profit of 4.2 mln dlrs, or 31 cts a share, on revenues of 51 mln "
        + "dlrs, against a loss of 1.1 mln dlrs a year earlier. Full year net profit was 9.8 mln dlrs on revenues of 190 mln dlrs.";

    public const string ResultsB =
        "Delmont Textile Mills reported fourth quarter net profit of 1.8 mln dlrs, or 12 cts a share, on revenues of 22 mln "
        + "dlrs, against a loss of 0.4 mln dlrs a year earlier. Full year net profit was 3.5 mln dlrs on revenues of 87 mln dlrs.";

    /// <summary>A report on two matters: the breakwater closure and a new timetable for the Marsh Island ferries.</summary>
    public const string TwoMatters =
        "Port Vessel's harbour authority, which will close the northern breakwater for six weeks after winter storms cracked "
        + "the concrete, approved a new timetable for the Marsh Island ferries on Wednesday.\n\n"
        + "From next month the Marsh Island ferries will sail from the southern quay, add two evening sailings and raise the "
        + "return fare for adults by one dollar, while children and pensioners keep travelling free.";

    /// <summary>The ferry timetable alone, as the operator announced it: close to <see cref="TwoMatters"/>, far from the breakwater.</summary>
    public const string FerryTimetable =
        "The operator of the Marsh Island service published new sailing times on Thursday, with two evening sailings added on "
        + "weekdays and the adult return fare raised by one dollar.\n\n"
        + "Children and pensioners keep travelling free, and season passes bought before the change stay valid until "
        + "they expire, the operator said, adding that crews would train on two new vessels over the winter.";
}
