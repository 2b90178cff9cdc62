using System.Globalization;
using System.Text;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Templates;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.Calls;

/// <summary>
/// The request send-request and send-one-way-request build (apim-reference §4.12): blank (mode new) or a copy of the
/// current request's method, URL, headers and body (mode copy; in outbound the body is not copied, "send-request
/// policy"), then their children in document order: set-url, set-method, set-header, set-body, and the
/// authentication and proxy children. A client certificate and a proxy are recorded in the trace only: the
/// simulated network has neither TLS nor proxies.
/// </summary>
internal sealed class OutgoingRequest
{
    private readonly string _policy;
    private readonly BoundValue<string> _mode;
    private readonly BoundValue<string>? _url;
    private readonly BoundValue<string>? _method;
    private readonly IReadOnlyList<EntryEdit> _headers;
    private readonly BoundValue<object?>? _body;
    private readonly bool _liquidBody;
    private readonly BoundValue<string>? _certificate;
    private readonly ManagedIdentityAuthentication? _identity;
    private readonly BoundValue<string>? _proxy;

    private OutgoingRequest(PolicyElement element, PolicyBinder binder)
    {
        _policy = element.Name;
        _mode = binder.Attribute(element, "mode", "new");
        _url = Child(element, "set-url") is { } url ? binder.Text(url, string.Empty) : null;
        _method = Child(element, "set-method") is { } method ? binder.Text(method, "GET") : null;
        _headers = [.. element.ElementsNamed("set-header").Select(h => EntryEdit.Bind(h, binder))];
        if (Child(element, "set-body") is { } body)
        {
            _body = binder.Text<object?>(body, string.Empty);
            _liquidBody = body.Attribute("template")?.Value.Text.Text.Trim() == "liquid";
        }

        if (Child(element, "authentication-certificate") is { } certificate)
        {
            var attribute = new[] { "thumbprint", "certificate-id", "body" }.FirstOrDefault(a => binder.Has(certificate, a)) ?? "thumbprint";
            _certificate = binder.Attribute(certificate, attribute, string.Empty);
        }

        _identity = Child(element, "authentication-managed-identity") is { } identity ? ManagedIdentityAuthentication.Bind(identity, binder) : null;
        _proxy = Child(element, "proxy") is { } proxy ? binder.Attribute(proxy, "url", string.Empty) : null;
    }

    public static OutgoingRequest Bind(PolicyElement element, PolicyBinder binder) => new(element, binder);

    public async ValueTask<ServiceRequest> BuildAsync(PolicyExecutionContext context)
    {
        var copy = _mode.Evaluate(context).Trim().Equals("copy", StringComparison.OrdinalIgnoreCase);
        var current = context.Request;
        var urlText = _url?.Evaluate(context) ?? (copy ? current.Url.ToString() : null);
        if (!Url.TryParse(urlText, out var url))
        {
            throw new PolicyException(_policy, null, urlText is null ? "set-url is required unless mode is copy." : $"'{urlText}' is not an absolute http(s) URL.");
        }

        var method = _method?.Evaluate(context).Trim().ToUpperInvariant() ?? (copy ? current.Method : "GET");
        var request = new GatewayRequest(method, url);
        if (copy)
        {
            foreach (var (name, values) in current.Headers)
            {
                request.Headers.Set(name, [.. values]);
            }

            if (context.Section != "outbound" && current.Body is { IsConsumed: false } currentBody)
            {
                request.Body = new MessageBody(currentBody.Content.ToArray(), currentBody.ContentType);
            }
        }

        foreach (var header in _headers)
        {
            header.ApplyTo(request.Headers, context);
        }

        if (_body is not null)
        {
            request.Body = new MessageBody(BodyBytes(context), request.Headers.GetValueOrDefault("Content-Type"));
        }

        if (_certificate is not null)
        {
            context.Note($"client certificate '{_certificate.Evaluate(context)}' presented (recorded only)");
        }

        if (_identity is not null)
        {
            await _identity.ApplyAsync(request, context, _policy);
        }
        if (_proxy is not null)
        {
            context.Note($"sent through proxy {_proxy.Evaluate(context)} (recorded only)");
        }

        return request.ToServiceRequest();
    }

    private byte[] BodyBytes(PolicyExecutionContext context)
    {
        var value = _body!.Evaluate(context);
        if (_liquidBody && value is string template)
        {
            var rendered = context.Services.Liquid.Render(new LiquidRenderRequest(template, context.Expression, LiquidMessage.Request));
            value = rendered.Succeeded ? rendered.Output : throw new PolicyException(_policy, "LiquidTemplateFailure", $"The liquid template failed: {rendered.Failure}");
        }

        return value switch
        {
            byte[] raw => raw,
            JToken json => Encoding.UTF8.GetBytes(json.ToString(Newtonsoft.Json.Formatting.None)),
            _ => Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
        };
    }

    private static PolicyElement? Child(PolicyElement element, string name) => element.ElementsNamed(name).FirstOrDefault();
}
