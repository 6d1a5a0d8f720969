using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// Binds each configuration section to its options type, checked at start (<c>ValidateOnStart</c>),
/// and gathers them into one <see cref="VikaSettings"/> for the parts that take the whole picture.
/// </summary>
public static class VikaOptions
{
    public static readonly IReadOnlyList<string> DefaultServiceNumbers = ["165", "021165", "+6221165", "6221165"];

    public static readonly IReadOnlyList<string> DefaultCodecs = ["PCMU", "PCMA"];

    public static IServiceCollection AddVikaOptions(this IServiceCollection services, IConfiguration configuration, string home)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IValidateOptions<SipSettings>, SipSettingsValidator>();
        services.AddSingleton<IValidateOptions<SipSettings>>(new SipTlsSettingsValidator(home));
        services.AddSingleton<IValidateOptions<MediaSettings>, MediaSettingsValidator>();
        services.AddSingleton<IValidateOptions<SpeechSettings>, SpeechSettingsValidator>();
        services.AddSingleton<IValidateOptions<TrunkSettings>, TrunkSettingsValidator>();
        services.AddSingleton<IValidateOptions<OperatorSettings>, OperatorSettingsValidator>();
        services.AddSingleton<IValidateOptions<ServerSettings>, ServerSettingsValidator>();
        services.AddSingleton<IValidateOptions<AdminSettings>, AdminSettingsValidator>();
        services.AddSingleton<IValidateOptions<DataSettings>, FileSettingsValidator>();
        services.AddSingleton<IValidateOptions<DataSettings>, DataStoreSettingsValidator>();
        services.AddSingleton<IValidateOptions<DataSettings>, ParticipantApiSettingsValidator>();
        services.AddSingleton<IValidateOptions<FlowSettings>, FileSettingsValidator>();
        services.AddSingleton<IValidateOptions<PromptSettings>, FileSettingsValidator>();

        // Lists bind by appending, so the defaults fill in only when the configuration names none.
        Section<SipSettings>(services, configuration, "Sip").PostConfigure(s =>
        {
            if (s.ServiceNumbers.Count == 0) s.ServiceNumbers = [.. DefaultServiceNumbers];
        });
        Section<MediaSettings>(services, configuration, "Media").PostConfigure(s =>
        {
            if (s.Codecs.Count == 0) s.Codecs = [.. DefaultCodecs];
        });
        Section<DataSettings>(services, configuration, "Data");
        Section<FlowSettings>(services, configuration, "Flow");
        Section<PromptSettings>(services, configuration, "Prompts");
        Section<SpeechSettings>(services, configuration, "Speech");
        Section<TrunkSettings>(services, configuration, "Trunk");
        Section<OperatorSettings>(services, configuration, "Operator");
        Section<ServerSettings>(services, configuration, "Server");
        Section<AdminSettings>(services, configuration, "Admin");

        services.AddSingleton(sp => new VikaSettings
        {
            Sip = Value<SipSettings>(sp),
            Media = Value<MediaSettings>(sp),
            Data = Value<DataSettings>(sp),
            Flow = Value<FlowSettings>(sp),
            Prompts = Value<PromptSettings>(sp),
            Speech = Value<SpeechSettings>(sp),
            Trunk = Value<TrunkSettings>(sp),
            Operator = Value<OperatorSettings>(sp),
            Server = Value<ServerSettings>(sp),
            Admin = Value<AdminSettings>(sp),
            Home = home,
        });
        return services;
    }

    private static OptionsBuilder<T> Section<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();

    private static T Value<T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
