using Dateline.Storage;
using Dateline.Storage.Search;
using Microsoft.AspNetCore.Diagnostics;

namespace Dateline.Web.Hosting;

/// <summary>
/// Turns exceptions into RFC 7807 problem details: the user's mistakes (a bad query, a foreign cursor, a malformed
/// body) are 400s that say what is wrong; anything else is a 500 that says nothing about the internals (it is logged).
/// </summary>
internal sealed class ErrorMapping(IProblemDetailsService problems, ILogger<ErrorMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            QuerySyntaxException q => (StatusCodes.Status400BadRequest, "Invalid query", q.Message),
            SearchBudgetException b => (StatusCodes.Status400BadRequest, "Query too costly", b.Message),
            InvalidCursorException c => (StatusCodes.Status400BadRequest, "Invalid cursor", c.Message),
            SemanticSearchException s => (StatusCodes.Status409Conflict, "Semantic search unavailable", s.Message),
            BadRequestException b => (StatusCodes.Status400BadRequest, b.Title, b.Message),
            BadHttpRequestException h => (h.StatusCode, h.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                h.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than this endpoint accepts." : "The request could not be read."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "Client closed request", null),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server failed to handle this request; the error is in its log."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
        }

        context.Response.StatusCode = status;
        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        // The parameter to correct, for a client to point at; a query the engine cannot search is always q.
        if (exception is BadRequestException { Field: { } field })
        {
            problem.ProblemDetails.Extensions["field"] = field;
        }
        else if (exception is QuerySyntaxException)
        {
            problem.ProblemDetails.Extensions["field"] = "q";
        }

        return await problems.TryWriteAsync(problem);
    }
}
