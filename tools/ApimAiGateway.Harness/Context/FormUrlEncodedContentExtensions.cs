using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Context;

/// <summary>
/// Re-encoders for the result of <see cref="IMessageBody.AsFormUrlEncodedContent"/>
/// ("API Management policy expressions", ToQueryString / ToFormUrlEncodedContent).
/// </summary>
public static class FormUrlEncodedContentExtensions
{
    /// <summary>
    /// <c>?name=value&amp;...</c>; null for a null or empty dictionary. The docs do not say what an empty input
    /// gives; null follows Microsoft's policy toolkit (Testing/Expressions/Extensions/UrlContentEncoder.cs).
    /// </summary>
    public static string? ToQueryString(this IDictionary<string, IList<string>>? input) =>
        UrlEncodedForm.Format(input) is { } content ? "?" + content : null;

    /// <summary><c>name=value&amp;...</c>; null for a null or empty dictionary, as <see cref="ToQueryString"/>.</summary>
    public static string? ToFormUrlEncodedContent(this IDictionary<string, IList<string>>? input) =>
        UrlEncodedForm.Format(input);
}
