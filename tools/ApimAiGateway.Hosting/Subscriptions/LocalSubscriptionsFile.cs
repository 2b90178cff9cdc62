using System.Security.Cryptography;
using ApimAiGateway.Harness.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Hosting.Subscriptions;

/// <summary>
/// The local gateway's subscription keys: <c>{ "subscriptions": [ { "id", "product", "key" } ] }</c>. When the file
/// does not exist it is created with one subscription per product and random keys, so a fresh clone serves at once
/// and no key is ever committed (the default file is git-ignored). Problems come back as located diagnostics.
/// </summary>
public static class LocalSubscriptionsFile
{
    private static readonly string[] EntryKeys = ["id", "product", "key"];

    public static LocalSubscriptionsLoad LoadOrCreate(string path, IReadOnlyList<string> productIds)
    {
        if (!File.Exists(path))
        {
            return Create(path, productIds);
        }

        try
        {
            var (subscriptions, diagnostics) = Parse(File.ReadAllText(path), path, productIds);
            return new LocalSubscriptionsLoad(subscriptions, diagnostics, false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new LocalSubscriptionsLoad([], [ScenarioDiagnostics.FileUnreadable.At(SourceLocation.StartOf(path), e.Message)], false);
        }
    }

    public static (IReadOnlyList<LocalSubscription> Subscriptions, IReadOnlyList<Diagnostic> Diagnostics) Parse(string json, string file, IReadOnlyList<string> productIds)
    {
        var diagnostics = new DiagnosticBag();
        JToken root;
        try
        {
            root = JToken.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore });
        }
        catch (JsonReaderException e)
        {
            return ([], [ScenarioDiagnostics.MalformedFile.At(new SourceLocation(file, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)), e.Message)]);
        }

        if (root is not JObject { } map || map["subscriptions"] is not JArray list)
        {
            diagnostics.Add(ScenarioDiagnostics.WrongShape, Locate(file, root), "The subscriptions file", "an object with a 'subscriptions' array");
            return ([], diagnostics.Items);
        }

        var subscriptions = new List<LocalSubscription>();
        foreach (var entry in list)
        {
            if (Read(entry, file, productIds, diagnostics) is not { } subscription)
            {
                continue;
            }

            if (subscriptions.Exists(s => s.Id == subscription.Id))
            {
                diagnostics.Add(ScenarioDiagnostics.DuplicateName, Locate(file, entry), "Subscription", subscription.Id);
            }
            else if (subscriptions.Exists(s => s.Key == subscription.Key))
            {
                // The key identifies the caller: two subscriptions with one key would make the caller ambiguous.
                diagnostics.Add(ScenarioDiagnostics.DuplicateName, Locate(file, entry), "The key of subscription", subscription.Id);
            }
            else
            {
                subscriptions.Add(subscription);
            }
        }

        return (subscriptions, diagnostics.Items);
    }

    private static LocalSubscription? Read(JToken entry, string file, IReadOnlyList<string> productIds, DiagnosticBag diagnostics)
    {
        if (entry is not JObject item)
        {
            diagnostics.Add(ScenarioDiagnostics.WrongShape, Locate(file, entry), "A subscription", "an object with 'id', 'product' and 'key'");
            return null;
        }

        foreach (var unknown in item.Properties().Where(p => !EntryKeys.Contains(p.Name)))
        {
            diagnostics.Add(ScenarioDiagnostics.UnknownKey, Locate(file, unknown), unknown.Name, "a subscription", string.Join(", ", EntryKeys));
        }

        var values = EntryKeys.Select(key => Text(item, key, file, diagnostics)).ToArray();
        if (values.Any(v => v is null))
        {
            return null;
        }

        if (!productIds.Contains(values[1]!, StringComparer.Ordinal))
        {
            diagnostics.Add(ScenarioDiagnostics.UndefinedReference, Locate(file, item["product"]!), "Product", values[1],
                productIds.Count == 0 ? "(none)" : string.Join(", ", productIds));
            return null;
        }

        return new LocalSubscription(values[0]!, values[1]!, values[2]!);
    }

    private static string? Text(JObject item, string key, string file, DiagnosticBag diagnostics)
    {
        switch (item[key])
        {
            case null:
                diagnostics.Add(ScenarioDiagnostics.MissingKey, Locate(file, item), "A subscription", key);
                return null;
            case JValue { Type: JTokenType.String, Value: string { Length: > 0 } text }:
                return text;
            case var other:
                diagnostics.Add(ScenarioDiagnostics.WrongShape, Locate(file, other), $"'{key}'", "a non-empty string");
                return null;
        }
    }

    private static LocalSubscriptionsLoad Create(string path, IReadOnlyList<string> productIds)
    {
        var subscriptions = productIds.Select(product => new LocalSubscription(product + "-local", product, NewKey())).ToList();
        var document = new JObject(
            new JProperty("$comment", "Local subscriptions of 'apim-policy serve'. Keys are random and for this machine only: never commit this file."),
            new JProperty("subscriptions", new JArray(subscriptions.Select(s => new JObject(
                new JProperty("id", s.Id), new JProperty("product", s.ProductId), new JProperty("key", s.Key))))));
        try
        {
            File.WriteAllText(path, document.ToString(Formatting.Indented) + Environment.NewLine);
            return new LocalSubscriptionsLoad(subscriptions, [], true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new LocalSubscriptionsLoad([], [ScenarioDiagnostics.FileUnreadable.At(SourceLocation.StartOf(path), e.Message)], false);
        }
    }

    /// <summary>32 hex digits from a cryptographic source, the shape of an APIM subscription key.</summary>
    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static SourceLocation Locate(string file, JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? new SourceLocation(file, info.LineNumber, Math.Max(1, info.LinePosition)) : SourceLocation.StartOf(file);
}
