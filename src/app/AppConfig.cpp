#include "AppConfig.h"

#include "ErrorText.h"

#include <exegia/auth/Errors.h>

#include <QSettings>

namespace exegia::signin {

using exegia::auth::ClientConfig;

SavedSettings SavedSettings::load(QSettings &settings)
{
    SavedSettings saved;
    settings.beginGroup(QStringLiteral("backend"));
    saved.projectUrl = settings.value(QStringLiteral("projectUrl")).toString();
    saved.publishableKey = settings.value(QStringLiteral("publishableKey")).toString();
    saved.googleClientId = settings.value(QStringLiteral("googleClientId")).toString();
    saved.useLocal =
        settings.value(QStringLiteral("useLocal"), saved.projectUrl.isEmpty()).toBool();
    settings.endGroup();
    return saved;
}

void SavedSettings::save(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("backend"));
    settings.setValue(QStringLiteral("useLocal"), useLocal);
    settings.setValue(QStringLiteral("projectUrl"), projectUrl);
    // The publishable key is public by design (it ships in every client);
    // secret keys never get here because Settings refuses them.
    settings.setValue(QStringLiteral("publishableKey"), publishableKey);
    settings.setValue(QStringLiteral("googleClientId"), googleClientId);
    settings.endGroup();
}

BackendChoice AppConfig::project(const QString &url, const QString &key,
                                 BackendChoice::Source source)
{
    BackendChoice choice;
    choice.kind = BackendChoice::Kind::Project;
    choice.source = source;
    choice.config.projectUrl = QUrl(url.trimmed(), QUrl::StrictMode);
    choice.config.publishableKey = key.trimmed();
    try {
        choice.config.validate();
    } catch (const exegia::auth::ConfigError &e) {
        choice.error = ErrorText::forConfig(e);
    }
    return choice;
}

BackendChoice AppConfig::resolve(const CommandLineOptions &options,
                                 const QProcessEnvironment &environment, const SavedSettings &saved)
{
    BackendChoice choice;
    if (options.local) {
        choice.source = BackendChoice::Source::CommandLine;
    } else if (!options.url.isEmpty() || !options.key.isEmpty()) {
        if (options.url.isEmpty() || options.key.isEmpty()) {
            choice.kind = BackendChoice::Kind::Project;
            choice.source = BackendChoice::Source::CommandLine;
            choice.error = tr("Give both --url and --key, or neither.");
        } else {
            choice = project(options.url, options.key, BackendChoice::Source::CommandLine);
        }
    } else if (const QString url = environment.value(QStringLiteral("SUPABASE_URL")).trimmed();
               !url.isEmpty()) {
        QString key = environment.value(QStringLiteral("SUPABASE_PUBLISHABLE_KEY")).trimmed();
        if (key.isEmpty())
            key = environment.value(QStringLiteral("SUPABASE_ANON_KEY")).trimmed();
        choice = project(url, key, BackendChoice::Source::Environment);
    } else if (!saved.useLocal && !saved.projectUrl.isEmpty()) {
        choice = project(saved.projectUrl, saved.publishableKey, BackendChoice::Source::Settings);
    }
    // The Google desktop client id only exists in the settings for now.
    choice.googleClientId = saved.googleClientId;
    return choice;
}

QString AppConfig::describe(const BackendChoice &choice)
{
    if (choice.kind == BackendChoice::Kind::Local)
        return tr("Local backend");
    const QString host = choice.config.projectUrl.host();
    return host.isEmpty() ? tr("No project") : host;
}

} // namespace exegia::signin
