using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// cors (apim-reference §4.25, cors-policy). A preflight (see <see cref="CorsPreflight"/>) whose origin, requested
/// method and requested headers are allowed ends the pipeline with an empty 200 carrying the Access-Control-Allow-*
/// headers; an unmatched one ends with a bare empty 200 when terminate-unmatched-request is true, and otherwise
/// leaves the answer to a later cors policy (the pipeline answers an empty 200 when none matches). An actual
/// request with an allowed Origin gets Access-Control-Allow-Origin (plus -Credentials and -Expose-Headers) on
/// whatever response the caller finally receives: the headers are added after outbound, or after on-error, by
/// <see cref="PolicyExecutionContext.AfterOutbound"/>. An unmatched GET or HEAD ends with an empty 200 when
/// terminate-unmatched-request is true and otherwise runs on without CORS headers.
/// terminate-unmatched-request defaults to true: the current page's table and its "Common issues" text say so,
/// where an older table said false.
/// </summary>
public sealed class CorsHandler : IPolicyHandler
{
    /// <summary>allowed-methods absent: GET and POST (cors-policy, allowed-methods).</summary>
    private static readonly string[] DefaultMethods = ["GET", "POST"];

    public string PolicyName => "cors";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder)
    {
        IReadOnlyList<BoundValue<string?>> Items(string container, string item) =>
            element.ElementsNamed(container).SelectMany(c => c.ElementsNamed(item)).Select(i => binder.Text<string?>(i, string.Empty)).ToList();

        var methods = element.ElementsNamed("allowed-methods").FirstOrDefault();
        return new Step(new CorsSettings(
            binder.Attribute(element, "allow-credentials", false),
            binder.Attribute(element, "terminate-unmatched-request", true),
            Items("allowed-origins", "origin"),
            methods is null ? null : Items("allowed-methods", "method"),
            methods is null ? new BoundValue<int>(0, element.Name) : binder.Attribute(methods, "preflight-result-max-age", 0),
            Items("allowed-headers", "header"),
            Items("expose-headers", "header")));
    }

    private sealed record CorsSettings(
        BoundValue<bool> AllowCredentials,
        BoundValue<bool> TerminateUnmatched,
        IReadOnlyList<BoundValue<string?>> Origins,
        IReadOnlyList<BoundValue<string?>>? Methods,
        BoundValue<int> MaxAge,
        IReadOnlyList<BoundValue<string?>> Headers,
        IReadOnlyList<BoundValue<string?>> ExposeHeaders);

    private sealed class Step(CorsSettings settings) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var request = context.Request;
            if (request.Headers.GetValueOrDefault("Origin") is not { } origin)
            {
                context.Note("no Origin header: not a cross-origin request");
                return ValueTask.CompletedTask;
            }

            var origins = Evaluate(settings.Origins, context);
            IReadOnlyList<string> methods = settings.Methods is null ? DefaultMethods : Evaluate(settings.Methods, context);
            var allowedOrigin = AllowedOrigin(origin, origins);
            if (CorsPreflight.Applies(context))
            {
                Preflight(context, origin, allowedOrigin, methods);
            }
            else
            {
                Actual(context, origin, allowedOrigin, methods);
            }

            return ValueTask.CompletedTask;
        }

        private void Preflight(PolicyExecutionContext context, string origin, string? allowedOrigin, IReadOnlyList<string> methods)
        {
            var requestedMethod = context.Request.Headers.GetValueOrDefault(CorsPreflight.RequestMethodHeader)!.Trim();
            var requestedHeaders = (context.Request.Headers.GetValueOrDefault("Access-Control-Request-Headers") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var headers = Evaluate(settings.Headers, context);
            var methodAllowed = methods.Any(m => m == "*" || m.Equals(requestedMethod, StringComparison.OrdinalIgnoreCase));
            var headersAllowed = headers.Contains("*") || requestedHeaders.All(h => headers.Contains(h, StringComparer.OrdinalIgnoreCase));
            if (allowedOrigin is null || !methodAllowed || !headersAllowed)
            {
                var why = allowedOrigin is null ? $"origin {origin}" : !methodAllowed ? $"method {requestedMethod}" : "a requested header";
                if (settings.TerminateUnmatched.Evaluate(context))
                {
                    End(context, $"preflight: {why} not allowed; empty 200");
                }
                else
                {
                    context.Note($"preflight: {why} not allowed; left to the next cors policy");
                }

                return;
            }

            var response = new GatewayResponse();
            response.Headers.Set("Access-Control-Allow-Origin", allowedOrigin);
            if (settings.AllowCredentials.Evaluate(context))
            {
                response.Headers.Set("Access-Control-Allow-Credentials", "true");
            }

            response.Headers.Set("Access-Control-Allow-Methods", methods.Contains("*") ? requestedMethod : string.Join(',', methods));
            if (requestedHeaders.Length > 0)
            {
                response.Headers.Set("Access-Control-Allow-Headers", string.Join(',', requestedHeaders));
            }

            var maxAge = settings.MaxAge.Evaluate(context);
            if (maxAge > 0)
            {
                response.Headers.Set("Access-Control-Max-Age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            context.Response = response;
            context.Note($"preflight from {origin} for {requestedMethod} allowed");
            context.Terminate();
        }

        private void Actual(PolicyExecutionContext context, string origin, string? allowedOrigin, IReadOnlyList<string> methods)
        {
            var method = context.Request.Method;
            if (allowedOrigin is null || !methods.Any(m => m == "*" || m.Equals(method, StringComparison.OrdinalIgnoreCase)))
            {
                if (method is "GET" or "HEAD" && settings.TerminateUnmatched.Evaluate(context))
                {
                    End(context, $"{method} from {origin} does not match; empty 200");
                }
                else
                {
                    context.Note($"{method} from {origin} does not match; no CORS headers");
                }

                return;
            }

            var credentials = settings.AllowCredentials.Evaluate(context);
            var expose = Evaluate(settings.ExposeHeaders, context);
            context.AfterOutbound(final =>
            {
                var headers = final.Response.Headers;
                headers.Set("Access-Control-Allow-Origin", allowedOrigin);
                if (credentials)
                {
                    headers.Set("Access-Control-Allow-Credentials", "true");
                }

                if (expose.Count > 0)
                {
                    headers.Set("Access-Control-Expose-Headers", string.Join(',', expose));
                }

                return ValueTask.CompletedTask;
            });
            context.Note($"{method} from {origin} allowed; CORS headers go on the response");
        }

        private static void End(PolicyExecutionContext context, string note)
        {
            context.Response = new GatewayResponse();
            context.Note(note);
            context.Terminate();
        }

        /// <summary>
        /// The Access-Control-Allow-Origin value: <c>*</c> when the policy allows any origin, else the caller's
        /// origin when it is listed. Origins compare by scheme, host and port, the port defaulting to 80 or 443.
        /// </summary>
        private static string? AllowedOrigin(string origin, IReadOnlyList<string> allowed)
        {
            if (allowed.Contains("*"))
            {
                return "*";
            }

            return Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var caller)
                   && allowed.Any(a => Uri.TryCreate(a.Trim(), UriKind.Absolute, out var listed)
                                       && string.Equals(listed.Scheme, caller.Scheme, StringComparison.OrdinalIgnoreCase)
                                       && string.Equals(listed.Host, caller.Host, StringComparison.OrdinalIgnoreCase)
                                       && listed.Port == caller.Port)
                ? origin.Trim()
                : null;
        }

        private static List<string> Evaluate(IReadOnlyList<BoundValue<string?>> values, PolicyExecutionContext context) =>
            values.Select(v => v.Evaluate(context)?.Trim()).OfType<string>().Where(v => v.Length > 0).ToList();
    }
}
