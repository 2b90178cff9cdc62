using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// What validate-jwt and validate-azure-ad-token share: where the token is, the audiences and required claims it
/// must carry, the status and message of a refusal, and the variable that receives the validated token. Runs the
/// common flow; each policy brings the rest of its rules (keys, issuers, client applications).
/// </summary>
internal sealed class BoundTokenPolicy
{
    private readonly string _policy;
    private readonly TokenLocation _location;
    private readonly BoundValue<int> _failureStatus;
    private readonly BoundValue<string?> _failureMessage;
    private readonly string? _outputVariable;
    private readonly IReadOnlyList<BoundValue<string?>> _audiences;
    private readonly IReadOnlyList<(string Name, bool MatchAny, string? Separator, IReadOnlyList<BoundValue<string?>> Values)> _claims;

    private BoundTokenPolicy(PolicyElement element, PolicyBinder binder, string? defaultHeader)
    {
        _policy = element.Name;
        _location = TokenLocation.Bind(element, binder, defaultHeader);
        _failureStatus = binder.Attribute(element, "failed-validation-httpcode", 401);
        _failureMessage = binder.Attribute<string?>(element, "failed-validation-error-message", null);
        _outputVariable = element.Attribute("output-token-variable-name")?.Value.Text.Text;
        _audiences = Texts(element, "audiences", "audience", binder);
        _claims = [.. element.ElementsNamed("required-claims").SelectMany(c => c.ElementsNamed("claim")).Select(claim => (
            claim.Attribute("name")?.Value.Text.Text ?? string.Empty,
            claim.Attribute("match")?.Value.Text.Text.Trim() == "any",
            claim.Attribute("separator")?.Value.Text.Text,
            (IReadOnlyList<BoundValue<string?>>)[.. claim.ElementsNamed("value").Select(v => binder.Text<string?>(v, null))]))];
    }

    public static BoundTokenPolicy Bind(PolicyElement element, PolicyBinder binder, string? defaultHeader = null) => new(element, binder, defaultHeader);

    /// <summary>The texts of <c>&lt;container&gt;&lt;item&gt;</c> children, e.g. audiences/audience or issuers/issuer.</summary>
    public static IReadOnlyList<BoundValue<string?>> Texts(PolicyElement element, string container, string item, PolicyBinder binder) =>
        [.. element.ElementsNamed(container).SelectMany(c => c.ElementsNamed(item)).Select(i => binder.Text<string?>(i, null))];

    public static IReadOnlyList<string> Evaluate(IEnumerable<BoundValue<string?>> values, PolicyExecutionContext context) =>
        [.. values.Select(v => v.Evaluate(context)?.Trim()).OfType<string>().Where(v => v.Length > 0)];

    public IReadOnlyList<string> Audiences(PolicyExecutionContext context) => Evaluate(_audiences, context);

    public IReadOnlyList<RequiredClaim> RequiredClaims(PolicyExecutionContext context) =>
        [.. _claims.Select(c => new RequiredClaim(c.Name, Evaluate(c.Values, context), c.MatchAny, c.Separator))];

    /// <summary>
    /// Reads the token, validates it with the rules <paramref name="rules"/> builds for it, applies
    /// <paramref name="check"/> to the validated token, and either stores the token or fails as APIM does.
    /// </summary>
    public async ValueTask RunAsync(
        PolicyExecutionContext context,
        Func<string, ValueTask<JwtValidationRules>> rules,
        Func<JsonWebToken, JwtValidationFailure?>? check = null)
    {
        var token = _location.Read(context) ?? throw Refuse(context, JwtValidationFailure.NotPresent);
        var outcome = await JwtValidator.ValidateAsync(token, await rules(token), context.Clock);
        if (!outcome.IsValid)
        {
            throw Refuse(context, outcome.Failure);
        }

        if (check?.Invoke(outcome.Token) is { } failure)
        {
            throw Refuse(context, failure);
        }

        context.Note($"token of '{outcome.Token.Subject}' from '{outcome.Token.Issuer}' accepted");
        if (_outputVariable is not null && JwtReader.Read(outcome.Token.EncodedToken) is { } jwt)
        {
            context.Expression.Variables.Set(_outputVariable, jwt);
        }
    }

    private PolicyException Refuse(PolicyExecutionContext context, JwtValidationFailure failure)
    {
        context.Note($"token refused: {failure.Reason}: {failure.Message}");
        var message = _failureMessage.Evaluate(context);
        return new PolicyException(_policy, failure.Reason, string.IsNullOrEmpty(message) ? failure.Message : message, _failureStatus.Evaluate(context));
    }
}
