using System.Diagnostics.CodeAnalysis;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>A validated token (the signed token inside an encrypted one), or why validation refused it.</summary>
public sealed class JwtValidationOutcome
{
    private JwtValidationOutcome(JsonWebToken? token, JwtValidationFailure? failure)
    {
        Token = token;
        Failure = failure;
    }

    public JsonWebToken? Token { get; }

    public JwtValidationFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Failure is null;

    public static JwtValidationOutcome Valid(JsonWebToken token) => new(token, null);

    public static JwtValidationOutcome Refused(JwtValidationFailure failure) => new(null, failure);
}
