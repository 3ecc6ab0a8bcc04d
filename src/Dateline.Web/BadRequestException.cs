namespace Dateline.Web;

/// <summary>
/// A request parameter is wrong (a date that is not a date, a limit out of range); becomes a 400 problem whose
/// <c>field</c> names the parameter when <see cref="Field"/> is set, and whose title is <see cref="Title"/>.
/// </summary>
public sealed class BadRequestException(string message, string? field = null, string title = "Bad request") : Exception(message)
{
    public string? Field { get; } = field;

    public string Title { get; } = title;
}
