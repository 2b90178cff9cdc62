using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Where validate-jwt and validate-azure-ad-token find the token: a header, a query parameter, or an expression
/// (<c>token-value</c>, which must not carry a scheme). In the <c>Authorization</c> header the token follows a scheme,
/// which is stripped, and checked against <c>require-scheme</c> when that is set; other headers carry the bare token
/// and ignore <c>require-scheme</c> (validate-jwt-policy).
/// </summary>
internal sealed class TokenLocation
{
    private const string Authorization = "Authorization";

    private readonly BoundValue<string>? _header;
    private readonly BoundValue<string>? _query;
    private readonly BoundValue<string?>? _value;
    private readonly BoundValue<string?> _requireScheme;

    private TokenLocation(BoundValue<string>? header, BoundValue<string>? query, BoundValue<string?>? value, BoundValue<string?> requireScheme)
    {
        _header = header;
        _query = query;
        _value = value;
        _requireScheme = requireScheme;
    }

    /// <param name="defaultHeader">The header read when none of the three attributes is set (validate-azure-ad-token's Authorization).</param>
    public static TokenLocation Bind(PolicyElement element, PolicyBinder binder, string? defaultHeader)
    {
        var query = binder.Has(element, "query-parameter-name") ? binder.Attribute(element, "query-parameter-name", string.Empty) : null;
        var value = binder.Has(element, "token-value") ? binder.Attribute<string?>(element, "token-value", null) : null;
        var header = binder.Has(element, "header-name") || (query is null && value is null && defaultHeader is not null)
            ? binder.Attribute(element, "header-name", defaultHeader ?? string.Empty)
            : null;
        return new TokenLocation(header, query, value, binder.Attribute<string?>(element, "require-scheme", null));
    }

    /// <summary>The token, or null when the request does not present one (with the required scheme).</summary>
    public string? Read(PolicyExecutionContext context)
    {
        var token = _header is not null ? FromHeader(context, _header.Evaluate(context))
            : _query is not null ? context.Request.Url.Query.GetValueOrDefault(_query.Evaluate(context))
            : _value?.Evaluate(context);
        return string.IsNullOrWhiteSpace(token) ? null : token.Trim();
    }

    private string? FromHeader(PolicyExecutionContext context, string name)
    {
        var value = context.Request.Headers.GetValueOrDefault(name)?.Trim();
        if (value is null || !name.Equals(Authorization, StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var space = value.IndexOf(' ');
        var scheme = space < 0 ? null : value[..space];
        var requiredScheme = _requireScheme.Evaluate(context);
        if (!string.IsNullOrEmpty(requiredScheme) && !string.Equals(scheme, requiredScheme, StringComparison.OrdinalIgnoreCase))
        {
            context.Note($"Authorization scheme '{scheme}' is not the required '{requiredScheme}'");
            return null;
        }

        return space < 0 ? value : value[(space + 1)..];
    }
}
