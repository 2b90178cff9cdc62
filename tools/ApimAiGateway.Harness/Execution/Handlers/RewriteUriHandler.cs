using System.Text.RegularExpressions;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// rewrite-uri (apim-reference §4.7): the template, with its {parameter}s filled from the operation's URL template
/// (path parameters and the query parameters the template names), becomes the backend path and query. With
/// copy-unmatched-params (default true) the request's query parameters the operation template does not name are
/// kept; the ones it names are dropped, as the page's /get?a={b} example shows. forward-request then sends to the
/// backend base URL plus the new path; <c>context.Request.Url</c> shows the new path under the API's path.
/// </summary>
public sealed partial class RewriteUriHandler : IPolicyHandler
{
    public string PolicyName => "rewrite-uri";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "template", "/"),
        binder.Attribute(element, "copy-unmatched-params", true));

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();

    private sealed class Step(BoundValue<string> template, BoundValue<bool> copyUnmatched) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var operationTemplate = context.Expression.Operation.UrlTemplate ?? string.Empty;
            var templateQuery = TemplateQuery(operationTemplate);
            var parameters = Parameters(context, templateQuery);
            var filled = Placeholder().Replace(template.Evaluate(context).Trim(), match =>
                parameters.TryGetValue(match.Groups[1].Value, out var value)
                    ? Uri.EscapeDataString(value)
                    : throw new PolicyException("rewrite-uri", "TemplateParameterNotFound",
                        $"Template parameter '{match.Groups[1].Value}' is not a parameter of the operation's URL template '{operationTemplate}'."));

            var separator = filled.IndexOf('?');
            var path = separator < 0 ? filled : filled[..separator];
            path = path.StartsWith('/') ? path : "/" + path;
            var query = context.Request.Url.Query;
            var unmatched = copyUnmatched.Evaluate(context)
                ? query.Where(p => !templateQuery.ContainsKey(p.Key)).ToList()
                : [];
            foreach (var name in query.Keys.ToList())
            {
                query.Remove(name);
            }

            foreach (var (name, value) in UrlEncodedForm.Parse(separator < 0 ? string.Empty : filled[(separator + 1)..]))
            {
                query.Append(name, value);
            }

            foreach (var (name, values) in unmatched.Where(p => !query.ContainsKey(p.Key)))
            {
                query.Set(name, values);
            }

            context.BackendPath = path;
            var apiPath = context.Expression.Api.Path?.Trim('/') ?? string.Empty;
            context.Request.Url.Path = (apiPath.Length == 0 ? string.Empty : "/" + apiPath) + path;
            context.Note($"rewritten to {path}{context.Request.Url.QueryString}");
            return ValueTask.CompletedTask;
        }

        /// <summary>The query part of the operation template: parameter name to the placeholder it binds, e.g. a → b for ?a={b}.</summary>
        private static Dictionary<string, string?> TemplateQuery(string operationTemplate)
        {
            var separator = operationTemplate.IndexOf('?');
            var pairs = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (separator >= 0)
            {
                foreach (var (name, value) in UrlEncodedForm.Parse(operationTemplate[(separator + 1)..]))
                {
                    var placeholder = Placeholder().Match(value);
                    pairs[name] = placeholder.Success ? placeholder.Groups[1].Value : null;
                }
            }

            return pairs;
        }

        /// <summary>Path parameters as matched, and each query placeholder with the value the request gave its parameter.</summary>
        private static Dictionary<string, string> Parameters(PolicyExecutionContext context, Dictionary<string, string?> templateQuery)
        {
            var parameters = new Dictionary<string, string>(context.Request.MatchedParameters, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, placeholder) in templateQuery)
            {
                if (placeholder is not null && context.Request.Url.Query.GetValueOrDefault(name) is { } value)
                {
                    parameters[placeholder] = value;
                }
            }

            return parameters;
        }
    }
}
