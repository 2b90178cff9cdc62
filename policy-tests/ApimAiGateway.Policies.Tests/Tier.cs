namespace ApimAiGateway.Policies.Tests;

/// <summary>A product tier as callers subscribe to it: the product ai-&lt;name&gt; and a subscription key for it.</summary>
public sealed record Tier(string Name)
{
    public static readonly Tier Basic = new("basic");
    public static readonly Tier Standard = new("standard");
    public static readonly Tier Premium = new("premium");

    public static IReadOnlyList<Tier> All { get; } = [Basic, Standard, Premium];

    public static Tier Named(string name) => All.Single(t => t.Name == name);

    public string ProductId => "ai-" + Name;

    public string SubscriptionId => "team-" + Name;

    public string Key => "key-" + Name;

    /// <summary>The tier's value of a per-tier named value, e.g. token-limit-tpm-basic.</summary>
    public long Setting(string prefix) => long.Parse(ThisRepository.NamedValue(prefix + "-" + Name), System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => Name;
}
