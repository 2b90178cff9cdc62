using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Identity;

/// <summary>A managed identity token, or why none could be obtained.</summary>
public sealed record ManagedIdentityTokenResult(ManagedIdentityToken? Token, string? Error)
{
    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Token is not null;
}
