using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// The keys limits count under in the gateway's stores. rate-limit and rate-limit-by-key share one store, as do
/// quota and quota-by-key; a user's counter-key is free text, so each kind of key gets a prefix the other kind never
/// starts with, and no counter-key can ever name a subscription's counter.
/// </summary>
internal static class LimitCounterKeys
{
    private const char Separator = '\u001f';

    /// <summary>
    /// The counter of a per-subscription limit. APIM counts rate-limit and quota once per policy definition, so the
    /// definition's place (scope and position in its file) is part of the key: the same policy reached through
    /// different APIs of a product counts once, two definitions count apart.
    /// </summary>
    public static string ForSubscription(string subscriptionId, string definition) =>
        $"subscription{Separator}{subscriptionId}{Separator}{definition}";

    /// <summary>The counter of a counter-key, shared by every scope that uses the same key value.</summary>
    public static string ForCounterKey(string counterKey) => $"key{Separator}{counterKey}";

    /// <summary>Where a limit element is defined, as the identity its per-subscription counter carries.</summary>
    public static string Definition(PolicyBinder binder, PolicyElement element) =>
        $"{binder.Scope}{Separator}{element.Location.File}:{element.Location.Line}:{element.Location.Column}";
}
