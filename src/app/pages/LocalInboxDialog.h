#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class LocalInboxDialog;
}

namespace exegia::signin {

class LocalInbox;

// Lists the codes the local backend's mailbox received, newest first.
class LocalInboxDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LocalInboxDialog(LocalInbox *inbox, QWidget *parent = nullptr);
    ~LocalInboxDialog() override;

    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMessages();
    void copySelectedCode();

    LocalInbox *m_inbox;
    std::unique_ptr<Ui::LocalInboxDialog> m_ui;
};

} // namespace exegia::signin
