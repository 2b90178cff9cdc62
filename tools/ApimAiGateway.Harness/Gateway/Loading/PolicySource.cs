using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>The text of one policy document and where it applies: global, a product, an API or an operation.</summary>
public sealed record PolicySource(PolicyScopes Scope, string Text, string File)
{
    public string? Product { get; init; }

    public string? Api { get; init; }

    public string? Operation { get; init; }
}

/// <summary>The text of one policy fragment, by fragment id.</summary>
public sealed record FragmentSource(string Id, string Text, string File);
