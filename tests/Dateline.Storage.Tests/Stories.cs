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
}
