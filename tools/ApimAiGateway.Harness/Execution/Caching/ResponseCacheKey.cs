using System.Text;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Caching;

/// <summary>
/// Which requests share a cached response (cache-lookup page): the same API, operation and path, and the same values
/// of every vary-by-header and vary-by-query-parameter (one element may list parameters separated by ';'), of the
/// developer owning the subscription (vary-by-developer) and of that developer's groups (vary-by-developer-groups).
/// Query parameters not listed do not separate entries: the page's advice to keep undeclared parameters from the
/// backend only makes sense if they are not part of the key.
/// </summary>
internal sealed class ResponseCacheKey(IReadOnlyList<string> headers, IReadOnlyList<string> queryParameters, BoundValue<bool> byDeveloper, BoundValue<bool> byDeveloperGroups)
{
    public static ResponseCacheKey Read(PolicyElement element, PolicyBinder binder) => new(
        [.. element.ElementsNamed("vary-by-header").Select(Text).Where(name => name.Length > 0).Order(StringComparer.OrdinalIgnoreCase)],
        [.. element.ElementsNamed("vary-by-query-parameter")
            .SelectMany(e => Text(e).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Order(StringComparer.Ordinal)],
        binder.Attribute(element, "vary-by-developer", false),
        binder.Attribute(element, "vary-by-developer-groups", false));

    public string For(PolicyExecutionContext context)
    {
        var expression = context.Expression;
        var key = new StringBuilder()
            .Append(expression.Api?.Id).Append(CacheKeys.Separator)
            .Append(expression.Operation?.Id).Append(CacheKeys.Separator)
            .Append(context.Request.Url.Path);
        foreach (var name in queryParameters)
        {
            key.Append(CacheKeys.Separator).Append("query:").Append(name).Append('=').Append(context.Request.Url.Query.GetValueOrDefault(name));
        }

        foreach (var name in headers)
        {
            key.Append(CacheKeys.Separator).Append("header:").Append(name.ToLowerInvariant()).Append('=').Append(context.Request.Headers.GetValueOrDefault(name));
        }

        if (byDeveloper.Evaluate(context))
        {
            key.Append(CacheKeys.Separator).Append("developer:").Append(expression.User?.Id);
        }

        if (byDeveloperGroups.Evaluate(context))
        {
            var groups = expression.User?.Groups.Select(g => g.Id).Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>();
            key.Append(CacheKeys.Separator).Append("groups:").AppendJoin(',', groups);
        }

        return CacheKeys.Response(key.ToString());
    }

    private static string Text(PolicyElement element) => element.Text?.Text.Text.Trim() ?? string.Empty;
}
