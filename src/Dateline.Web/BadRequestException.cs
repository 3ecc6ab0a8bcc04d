namespace Dateline.Web;

/// <summary>A request parameter is wrong (a date that is not a date, a limit out of range); becomes a 400 problem.</summary>
public sealed class BadRequestException(string message) : Exception(message);
