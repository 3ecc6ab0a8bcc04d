namespace Dateline.Web.Api;

/// <summary>
/// The place for <c>/api/events</c> and <c>/api/dyads/{a}/{b}</c> (issue #5). Nothing is mapped until the events layer
/// and its store methods exist: no route answers with invented data. See docs/ARCHITECTURE.md ("Web") for the plan.
/// </summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api) => api;
}
