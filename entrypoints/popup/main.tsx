import { render } from 'preact';
import { CalendarPopup } from '../../components/calendar/CalendarPopup';
import { startPopup } from '../../components/calendar/popup-start';
import { watchTodayPainted } from '../../components/calendar/today-shown';
import '../../components/calendar/styles.css';

watchTodayPainted();
void startPopup().then((start) => render(<CalendarPopup start={start} />, document.getElementById('app')!));
